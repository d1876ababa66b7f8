checkout items success "https://x"
