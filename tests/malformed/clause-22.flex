fail next 2 requests with 500 code
