// Wraps the variadic parts of libedit for Swift (see docs/architecture.md, REPL section).
#include "CEditShim.h"

EditLine *cedit_init(const char *prog) { return el_init(prog, stdin, stdout, stderr); }
int cedit_set_prompt(EditLine *el, char *(*fn)(EditLine *)) { return el_set(el, EL_PROMPT, fn); }
int cedit_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
int cedit_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
int cedit_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
int cedit_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
void *cedit_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
int cedit_addfn(EditLine *el, const char *name, const char *help, unsigned char (*fn)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
int cedit_bind(EditLine *el, const char *key, const char *fn) { return el_set(el, EL_BIND, key, fn, NULL); }
int cedit_source_editrc(EditLine *el) { return el_source(el, NULL); }
int cedit_setty(EditLine *el, const char *setting) { return el_set(el, EL_SETTY, "-d", setting, NULL); }

History *cedit_history_init(int size) {
    HistEvent event;
    History *h = history_init();
    if (h == NULL) return NULL;
    history(h, &event, H_SETSIZE, size);
    history(h, &event, H_SETUNIQUE, 1);
    return h;
}
int cedit_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}
void cedit_history_end(History *h) { history_end(h); }

int cedit_cc_refresh(void) { return CC_REFRESH; }
int cedit_cc_redisplay(void) { return CC_REDISPLAY; }
int cedit_cc_error(void) { return CC_ERROR; }
int cedit_cc_newline(void) { return CC_NEWLINE; }
