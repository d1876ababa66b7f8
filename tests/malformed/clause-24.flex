events type
