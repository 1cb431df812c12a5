# Matrix Calculus Tutor: build with the Maven wrapper, run on a JRE as a non-root user, started from
# Spring AOT code and a JDK 25 AOT cache (a start in a fraction of the time of a plain jar).
# The base images are arguments so a machine without a registry can build from local images; both need
# a JDK 24 or newer (the AOT cache), and the runtime image's JVM is the one that writes and reads it.
# The build runs on the same release as the runtime, not on 17 as the tests do: Spring AOT decides the
# conditions on the JVM (its version, virtual threads) at build time, in the JVM that builds. The
# bytecode is Java 17's either way (java.version in pom.xml)
ARG BUILD_IMAGE=eclipse-temurin:25-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY frontend-assets/ frontend-assets/
COPY src/ src/
ARG MAVEN_ARGS=""
# -Paot: the context's bean definitions generated as code. The jar is extracted (app.jar and lib/), the
# layout an AOT cache needs
RUN ./mvnw -B ${MAVEN_ARGS} -Paot -DskipTests package \
    && java -Djarmode=tools -jar target/matrix-calculus-tutor-*.jar extract --destination /tmp/app \
       --application-filename app.jar

FROM ${RUNTIME_IMAGE}
# curl serves the health check; install it only where the base image lacks it
RUN command -v curl >/dev/null 2>&1 \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
RUN groupadd --system tutor \
    && useradd --system --gid tutor --home-dir /app --shell /usr/sbin/nologin tutor \
    && mkdir -p /app /data \
    && chown tutor:tutor /app /data
WORKDIR /app
# the libraries first: a layer that changes only when a dependency does
COPY --from=build --chown=tutor:tutor /tmp/app/lib/ /app/lib/
COPY --from=build --chown=tutor:tutor /tmp/app/app.jar /app/app.jar
USER tutor
# The same settings as outside a container: PORT, TUTOR_DATA_DIR (the app logs it as an absolute path at
# start), TUTOR_TEACHER_PASSWORD and TUTOR_PUBLIC_URL from the environment. A JVM out of memory exits
# (rather than staying up without serving), so the restart policy brings it back. The heap's pages are
# touched when it is committed, not by the first collections that copy into them: on a virtual machine
# whose fresh pages fault slowly, young collections of the first minute took 35-100 ms instead of 10.
# The initial heap (1/64 of the memory the JVM sees) is touched before main: give the container a
# memory limit on a large host
ENV PORT=8080 \
    TUTOR_DATA_DIR=/data \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:+AlwaysPreTouch"
# The AOT cache (JEPs 483, 514, 515): a training start that warms up (derivations, then 20 s of its own
# pages and API on loopback: richer profiles than a start's 5 s) and stops once ready records the classes
# a start and its requests load, already linked, and the method profiles of that work. It runs here, on
# the image's own JVM and jars, because a cache holds only for the JVM and the jars that wrote it
# (elsewhere the JVM says so and starts without it). No garbage collector is named, so both use the one
# the JVM picks by the CPUs and memory it sees (G1 from 2 CPUs and about 2 GB; a collector other than
# the training's made the start slower). The build fails rather than give an image without its cache
RUN java $JAVA_OPTS -XX:AOTCacheOutput=app.aot -Xlog:aot=error,cds=error \
      -Dspring.aot.enabled=true -jar app.jar \
      --server.address=127.0.0.1 --server.port=0 --tutor.data-dir=/tmp/training \
      --tutor.teacher.password=training-start-only --tutor.training-start=true --tutor.warm-up-time=20s \
      --spring.main.banner-mode=off --logging.level.root=WARN \
    && test -s app.aot \
    && rm -rf /tmp/training
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
# docker stop sends SIGTERM: the app shuts down gracefully and exits with status 0
STOPSIGNAL SIGTERM
# the cache and the AOT code are part of the command, so JAVA_OPTS set elsewhere (compose) keeps them
ENTRYPOINT ["sh", "-c", "exec java -XX:AOTCache=app.aot -Dspring.aot.enabled=true $JAVA_OPTS -jar app.jar"]
