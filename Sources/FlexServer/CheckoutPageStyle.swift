// The checkout page's one small stylesheet, inlined in every page (no framework, no second request).

enum CheckoutPageStyle {
    /// Colours chosen for contrast (all text ≥ 4.5:1 on its background) and a focus ring always shown.
    static let css = """
    *{box-sizing:border-box}
    body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f5f7}
    .test-mode{background:#ffd84d;color:#1a1a1a;padding:.6rem 1rem;border-bottom:2px solid #8a6d00}
    .test-mode strong{letter-spacing:.05em}
    .test-mode details{margin-top:.3rem}
    .test-mode summary{cursor:pointer;text-decoration:underline}
    .test-mode code{font-size:.95em}
    main{max-width:44rem;margin:1.5rem auto;padding:0 1rem}
    .card{background:#fff;border:1px solid #d0d4da;border-radius:8px;padding:1rem 1.25rem;margin-bottom:1rem}
    h1{font-size:1.6rem;margin:.2rem 0 1rem}
    h2{font-size:1.2rem;margin:0 0 .6rem}
    table{width:100%;border-collapse:collapse}
    th,td{padding:.4rem .3rem;text-align:left;border-bottom:1px solid #e3e6ea;vertical-align:top}
    td.num,th.num{text-align:right;white-space:nowrap}
    tfoot th{font-weight:normal}
    tfoot tr.total th,tfoot tr.total td{font-weight:bold;border-bottom:none}
    .eligible{color:#1d6b2c}
    .ineligible{color:#5c5f66}
    fieldset{border:1px solid #d0d4da;border-radius:6px;margin:0 0 1rem;padding:.6rem 1rem 1rem}
    legend{font-weight:600;padding:0 .3rem}
    label{display:block;margin:.6rem 0 .2rem;font-weight:500}
    .choice label{display:inline;font-weight:normal;margin:0 1rem 0 .3rem}
    .choice{margin:.4rem 0}
    input[type=text],input[type=email]{width:100%;padding:.5rem;border:1px solid #7a7f87;border-radius:4px;font:inherit}
    input[aria-invalid=true]{border:2px solid #b00020}
    .row{display:flex;gap:1rem}
    .row>div{flex:1}
    .hint{color:#4a4d52;font-size:.9rem;margin:.2rem 0}
    .field-error{color:#b00020;font-weight:600;margin:.2rem 0}
    .error-summary{border:3px solid #b00020;background:#fff;padding:.6rem 1rem;margin-bottom:1rem;border-radius:6px}
    .error-summary h2{color:#b00020}
    .error-summary a{color:#b00020}
    button{background:#0b5cad;color:#fff;border:0;border-radius:6px;padding:.75rem 1.5rem;font:inherit;font-weight:600;cursor:pointer}
    button:hover{background:#084a8c}
    a{color:#0b5cad}
    :focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
    .actions{display:flex;align-items:center;gap:1.5rem;flex-wrap:wrap}
    .state{font-size:1.1rem}
    """
}
