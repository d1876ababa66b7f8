api FETCH "/v1/x"
