pay fcs_x with card
