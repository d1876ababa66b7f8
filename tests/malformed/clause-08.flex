product
