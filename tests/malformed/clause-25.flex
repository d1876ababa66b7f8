sim seed
