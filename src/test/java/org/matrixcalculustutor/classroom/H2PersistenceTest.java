package org.matrixcalculustutor.classroom;

import org.springframework.boot.test.context.SpringBootTest;

/** The default, embedded database. */
@SpringBootTest
class H2PersistenceTest extends PersistenceContract {}
