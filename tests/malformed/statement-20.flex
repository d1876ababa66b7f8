expect
