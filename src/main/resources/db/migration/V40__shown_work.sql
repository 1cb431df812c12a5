-- A student's derivation, shown line by line with an attempt: the lines as typed (one per line of the
-- text), a mark per line (c correct, x incorrect, i invalid), and the slip of the first wrong line
-- with its index, so that "where the class goes wrong" counts wrong steps by slip.
ALTER TABLE attempt ADD COLUMN work VARCHAR(82000);
ALTER TABLE attempt ADD COLUMN work_marks VARCHAR(40);
ALTER TABLE attempt ADD COLUMN slip VARCHAR(40);
ALTER TABLE attempt ADD COLUMN slip_line INT;
