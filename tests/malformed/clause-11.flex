checkout items [] success
