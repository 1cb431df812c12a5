package org.matrixcalculustutor.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters every request passes, outermost first: Server-Timing on the API, 503 while the
 * database is down, security headers, redirects without the client's Host, the body read whole within its limits.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  /**
   * With spring.main.lazy-initialization, Spring's own machinery is made when first needed, so the
   * first page comes sooner after a start; the tutor's beans, its classes and what its @Bean methods
   * make (the security filter chain, the filters), are still made at start, so that a wrong setting
   * (TUTOR_ENGINE_DEADLINE=abc, a limit of 0) stops the start with its message instead of failing
   * requests later. All but the warm-up: made as a runner, once the server listens, its engine
   * rounds no longer take a core from the rest of the start.
   */
  @Bean
  static LazyInitializationExcludeFilter tutorBeansAtStart() {
    return (name, definition, type) -> type != WarmUp.class
        && (isTutors(type.getName()) || definition instanceof AnnotatedBeanDefinition annotated
            && annotated.getFactoryMethodMetadata() != null
            && isTutors(annotated.getFactoryMethodMetadata().getDeclaringClassName()));
  }

  private static boolean isTutors(String className) {
    return className.startsWith("org.matrixcalculustutor.");
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

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
    FilterRegistrationBean<SecurityHeadersFilter> registration =
        new FilterRegistrationBean<>(new SecurityHeadersFilter());
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    registration.setOrder(Integer.MIN_VALUE + 6);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RedirectFilter> redirectFilter(@Value("${tutor.public-url:}") String publicUrl) {
    FilterRegistrationBean<RedirectFilter> registration = new FilterRegistrationBean<>(new RedirectFilter(publicUrl));
    registration.addUrlPatterns("/*");
    registration.setOrder(Integer.MIN_VALUE + 7);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(LimitsProperties properties) {
    FilterRegistrationBean<RequestBodyFilter> registration =
        new FilterRegistrationBean<>(new RequestBodyFilter(properties.bodyLimit(), properties.bodyTimeout()));
    registration.addUrlPatterns("/*");
    registration.setOrder(Integer.MIN_VALUE + 10);
    return registration;
  }

  /**
   * /error is where failures are rendered, not a page: opened directly it is not found (it was a
   * 500 with the status 999).
   */
  @Bean
  FilterRegistrationBean<Filter> errorPageOnlyForErrors() {
    Filter notFound = (request, response, chain) -> ((HttpServletResponse) response).sendError(404);
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(notFound);
    registration.addUrlPatterns("/error", "/error/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }
}
