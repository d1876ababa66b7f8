pay fcs_x with card "4242" hsa fsa
