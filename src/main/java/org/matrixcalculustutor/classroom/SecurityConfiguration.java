package org.matrixcalculustutor.classroom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Teacher pages need a teacher's sign-in; everything else (lessons, calculator, exercises, joining)
 * stays open. Every HTML form carries a CSRF token. The JSON API is exempt: it only accepts
 * application/json, which a page on another site cannot send without a CORS preflight we never
 * allow, so a forged cross-site request cannot reach it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  /**
   * The engine's JSON endpoints and exercise attempts need no sign-in, session or CSRF token (a
   * student is known by their own cookie): a lean chain keeps them fast under a whole class's load.
   */
  @Bean
  @Order(1)
  SecurityFilterChain statelessApi(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/derivative", "/api/validate", "/api/check", "/api/exercises", "/api/exercises/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .anonymous(anonymous -> anonymous.disable())
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/teacher/**").hasRole("TEACHER")
            .anyRequest().permitAll())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/teacher", true).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
    return http.build();
  }
}
