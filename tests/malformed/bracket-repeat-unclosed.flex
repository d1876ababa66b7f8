repeat 3 {
