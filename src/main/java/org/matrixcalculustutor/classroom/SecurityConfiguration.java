package org.matrixcalculustutor.classroom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

  @Bean
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
