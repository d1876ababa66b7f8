charge customer fcus_x with
