pay fcs_x with
