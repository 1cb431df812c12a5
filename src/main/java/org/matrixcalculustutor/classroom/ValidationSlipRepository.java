package org.matrixcalculustutor.classroom;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ValidationSlipRepository extends JpaRepository<ValidationSlip, Long> {

  List<ValidationSlip> findByStudentClassroom(Classroom classroom);
}
