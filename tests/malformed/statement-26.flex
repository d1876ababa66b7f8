wait until true timeout
