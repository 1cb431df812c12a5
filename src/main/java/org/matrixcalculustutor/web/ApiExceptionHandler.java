package org.matrixcalculustutor.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of an API call into JSON {"error", "position"}: bad input is a 400 with the
 * place of the problem, never a 500 or a stack trace.
 *
 * <p>It answers for every request under {@value #API}, also those that never reached a controller
 * (no such address, wrong method), and always as JSON, whatever the client accepts. A failure of a
 * page is handed back to Spring (the exception is rethrown), which renders templates/error.html.
 */
@RestControllerAdvice
class ApiExceptionHandler {

  static final String API = "/api/";

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ExpressionException.class)
  ResponseEntity<ApiError> badExpression(ExpressionException e, HttpServletRequest request) throws Exception {
    return answer(request, e, HttpStatus.BAD_REQUEST, e.getMessage(), e.position());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request)
      throws Exception {
    String message = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
        ? "the request has no body: send a JSON object"
        : "the request body is not the JSON this call expects";
    return answer(request, e, HttpStatus.BAD_REQUEST, message, null);
  }

  /** A path or query value of the wrong type (a student id "abc", or beyond a long) is bad input. */
  @ExceptionHandler({TypeMismatchException.class, ServletRequestBindingException.class})
  ResponseEntity<ApiError> badParameter(Exception e, HttpServletRequest request) throws Exception {
    String message = e instanceof MethodArgumentTypeMismatchException m
        ? "'" + m.getName() + "' must be " + (m.getRequiredType() == null ? "of another type"
            : Number.class.isAssignableFrom(boxed(m.getRequiredType())) ? "a whole number" : "a "
                + m.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT))
        : "a parameter of this request is missing or not of the expected type";
    return answer(request, e, HttpStatus.BAD_REQUEST, message, null);
  }

  private static Class<?> boxed(Class<?> type) {
    return type == long.class ? Long.class : type == int.class ? Integer.class : type;
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e, HttpServletRequest request)
      throws Exception {
    String message = e.getBindingResult().getFieldErrors().stream()
        .map(f -> f.getField() + " " + f.getDefaultMessage()).findFirst().orElse("invalid request");
    return answer(request, e, HttpStatus.BAD_REQUEST, message, null);
  }

  /** A body that is not JSON is bad input like any other: 400, saying what to send. */
  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
      throws Exception {
    String header = request.getContentType(); // as sent: one that does not parse has no MediaType
    String sent = header == null || header.isBlank() ? "no Content-Type"
        : "Content-Type " + (header.length() > 100 ? header.substring(0, 100) + "..." : header);
    return answer(request, e, HttpStatus.BAD_REQUEST,
        "send a JSON body with Content-Type application/json (this request has " + sent + ")", null);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
      throws Exception {
    return answer(request, e, HttpStatus.NOT_ACCEPTABLE, "this call answers in JSON only: accept application/json",
        null);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
      throws Exception {
    String allowed = e.getSupportedMethods() == null ? "" : "; use " + String.join(" or ", e.getSupportedMethods());
    return answer(request, e, HttpStatus.METHOD_NOT_ALLOWED,
        "this address does not take " + e.getMethod() + allowed, null);
  }

  /** No handler and no file for the address (only asset addresses are looked up as files). */
  @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
  ResponseEntity<ApiError> notFound(ServletException e, HttpServletRequest request) throws Exception {
    return answer(request, e, HttpStatus.NOT_FOUND, "no such address: " + request.getRequestURI(), null);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<ApiError> status(ResponseStatusException e, HttpServletRequest request) throws Exception {
    String reason = e.getReason() != null ? e.getReason() : e.getStatusCode().toString();
    return answer(request, e, e.getStatusCode(), reason, null, e.getHeaders());
  }

  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ResponseEntity<ApiError> databaseDown(RuntimeException e, HttpServletRequest request) throws Exception {
    if (isApi(request)) {
      log.warn("database unavailable: {}", e.getMessage());
    }
    return answer(request, e, HttpStatus.SERVICE_UNAVAILABLE,
        "the database is not reachable; try again in a minute", null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) throws Exception {
    if (isApi(request)) {
      log.error("unexpected failure of an API call", e);
    }
    return answer(request, e, HttpStatus.INTERNAL_SERVER_ERROR,
        "something went wrong on our side; the input was not the problem", null);
  }

  static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(API);
  }

  /**
   * The JSON answer of an API call; for a page, the exception goes back to Spring's own handling.
   * The content type is set here, so the error is written as JSON even to a client that asked for
   * something else (negotiating would fail and turn a 400 into a 500).
   */
  private static ResponseEntity<ApiError> answer(HttpServletRequest request, Exception e, HttpStatusCode status,
      String message, Integer position) throws Exception {
    return answer(request, e, status, message, position, HttpHeaders.EMPTY);
  }

  private static ResponseEntity<ApiError> answer(HttpServletRequest request, Exception e, HttpStatusCode status,
      String message, Integer position, HttpHeaders headers) throws Exception {
    if (!isApi(request)) {
      throw e;
    }
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .headers(headers);
    if (e instanceof HttpRequestMethodNotSupportedException m && m.getSupportedHttpMethods() != null) {
      builder.header(HttpHeaders.ALLOW, m.getSupportedHttpMethods().stream().map(Object::toString)
          .toArray(String[]::new));
    }
    return builder.body(new ApiError(message, position));
  }
}
