package org.matrixcalculustutor.classroom;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The postgres profile against a real PostgreSQL: .ci/run installs and starts one and sets
 * TUTOR_TEST_POSTGRES_URL (on a machine without it these tests do not run).
 */
@SpringBootTest(properties = {"spring.profiles.active=postgres",
    "spring.datasource.url=${TUTOR_TEST_POSTGRES_URL}",
    "spring.datasource.username=${TUTOR_TEST_POSTGRES_USER:tutor}",
    "spring.datasource.password=${TUTOR_TEST_POSTGRES_PASSWORD:tutor}"})
@EnabledIfEnvironmentVariable(named = "TUTOR_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PostgresPersistenceTest extends PersistenceContract {}
