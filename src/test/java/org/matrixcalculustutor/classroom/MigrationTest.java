package org.matrixcalculustutor.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of the earlier version, with a class and a student in it, is migrated: the student's
 * cookie token (one per student then) becomes their first browser's token, so nobody is signed out
 * by the upgrade. On H2, and on PostgreSQL when TUTOR_TEST_POSTGRES_URL is set (in a schema of its own).
 */
class MigrationTest {

  private static void upgradeKeepsEveryStudentSignedIn(DriverManagerDataSource dataSource, String schema) {
    Flyway before = Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration")
        .target("2").load();
    before.migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("insert into teacher (username, password_hash, created_at) values ('t', 'x', current_timestamp)");
    jdbc.update("insert into classroom (teacher_id, name, join_code, created_at) select id, 'Old', 'OLDCODE234', current_timestamp from teacher");
    jdbc.update("insert into student (classroom_id, display_name, token_hash, joined_at) select id, 'Ada', ?, current_timestamp from classroom",
        Tokens.hash("ada-cookie"));

    Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load().migrate();
    assertThat(jdbc.queryForObject("select count(*) from student_token t join student s on s.id = t.student_id "
        + "where s.display_name = 'Ada' and t.token_hash = ?", Long.class, Tokens.hash("ada-cookie"))).isOne();
    assertThat(jdbc.queryForObject("select time_zone from classroom where join_code = 'OLDCODE234'", String.class))
        .isEqualTo("UTC");
  }

  @Test
  void anEarlierH2Database_isUpgradedWithItsStudentsSignedIn() {
    upgradeKeepsEveryStudentSignedIn(new DriverManagerDataSource("jdbc:h2:mem:migration-" + System.nanoTime()
        + ";DB_CLOSE_DELAY=-1", "sa", ""), "PUBLIC");
  }

  @Test
  @org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable(named = "TUTOR_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
  void anEarlierPostgresDatabase_isUpgradedWithItsStudentsSignedIn() {
    String url = System.getenv("TUTOR_TEST_POSTGRES_URL");
    String user = System.getenv().getOrDefault("TUTOR_TEST_POSTGRES_USER", "tutor");
    String password = System.getenv().getOrDefault("TUTOR_TEST_POSTGRES_PASSWORD", "tutor");
    String schema = "migration_" + System.nanoTime();
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?")
        + "currentSchema=" + schema, user, password);
    try {
      upgradeKeepsEveryStudentSignedIn(dataSource, schema);
    } finally {
      new JdbcTemplate(new DriverManagerDataSource(url, user, password)).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
