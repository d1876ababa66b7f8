fail next requests with
