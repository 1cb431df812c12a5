package org.matrixcalculustutor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Adds the Server-Timing header to every JSON answer, errors included, just before it is written. */
@RestControllerAdvice
class ServerTimingAdvice implements ResponseBodyAdvice<Object> {

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
      ServerHttpResponse response) {
    if (request instanceof ServletServerHttpRequest in && response instanceof ServletServerHttpResponse out) {
      HttpServletRequest servletRequest = in.getServletRequest();
      HttpServletResponse servletResponse = out.getServletResponse();
      if (ApiExceptionHandler.isApi(servletRequest)) {
        EngineTiming.report(servletRequest, servletResponse);
      }
    }
    return body;
  }
}
