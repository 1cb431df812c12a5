package org.matrixcalculustutor.web;

import org.matrixcalculustutor.engine.Engine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one Engine of the application, with the configured limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LimitsProperties.class, EngineProperties.class})
class EngineConfiguration {

  @Bean
  Engine engine(LimitsProperties properties) {
    return new Engine(properties.limits());
  }

  @Bean
  FilterRegistrationBean<BodySizeFilter> bodySizeFilter(LimitsProperties properties) {
    FilterRegistrationBean<BodySizeFilter> registration =
        new FilterRegistrationBean<>(new BodySizeFilter(properties.bodyLimit()));
    registration.addUrlPatterns("/*");
    registration.setOrder(Integer.MIN_VALUE + 10);
    return registration;
  }

  /** First of all, so that even a response written by a filter below carries the header. */
  @Bean
  FilterRegistrationBean<ServerTimingFilter> serverTimingFilter() {
    FilterRegistrationBean<ServerTimingFilter> registration = new FilterRegistrationBean<>(new ServerTimingFilter());
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Integer.MIN_VALUE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<DatabaseDownFilter> databaseDownFilter() {
    FilterRegistrationBean<DatabaseDownFilter> registration = new FilterRegistrationBean<>(new DatabaseDownFilter());
    registration.addUrlPatterns("/*");
    registration.setOrder(Integer.MIN_VALUE + 5);
    return registration;
  }
}
