refund fpi_x amount
