# Matrix Calculus Tutor: build with the Maven wrapper, run on a JRE as a non-root user.
# The base images are arguments so a machine without a registry can build from local images.
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY frontend-assets/ frontend-assets/
COPY src/ src/
ARG MAVEN_ARGS=""
RUN ./mvnw -B ${MAVEN_ARGS} -DskipTests package \
    && cp target/matrix-calculus-tutor-*.jar /tmp/app.jar

FROM ${RUNTIME_IMAGE}
# curl serves the health check; install it only where the base image lacks it
RUN command -v curl >/dev/null 2>&1 \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
RUN groupadd --system tutor \
    && useradd --system --gid tutor --home-dir /app --shell /usr/sbin/nologin tutor \
    && mkdir -p /app /data \
    && chown tutor:tutor /app /data
WORKDIR /app
COPY --from=build --chown=tutor:tutor /tmp/app.jar /app/app.jar
USER tutor
# The same settings as outside a container: PORT, TUTOR_DATA_DIR (the app logs it as an absolute path at
# start), TUTOR_TEACHER_PASSWORD and TUTOR_PUBLIC_URL from the environment. A JVM out of memory exits
# (rather than staying up without serving), so the restart policy brings it back
ENV PORT=8080 \
    TUTOR_DATA_DIR=/data \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
# docker stop sends SIGTERM: the app shuts down gracefully and exits with status 0
STOPSIGNAL SIGTERM
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
