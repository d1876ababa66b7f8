// Non-variadic wrappers around libedit's el_set()/history() so Swift can call them.
#ifndef CEDITSHIM_H
#define CEDITSHIM_H
#include <stdio.h>
#include <histedit.h>

EditLine *cedit_init(const char *prog);
int cedit_set_prompt(EditLine *el, char *(*fn)(EditLine *));
int cedit_set_editor(EditLine *el, const char *mode);
int cedit_set_signal(EditLine *el, int on);
int cedit_set_history(EditLine *el, History *h);
int cedit_set_clientdata(EditLine *el, void *data);
void *cedit_get_clientdata(EditLine *el);
int cedit_addfn(EditLine *el, const char *name, const char *help, unsigned char (*fn)(EditLine *, int));
int cedit_bind(EditLine *el, const char *key, const char *fn);
int cedit_source_editrc(EditLine *el);
/* Terminal settings while editing, e.g. "-isig": Ctrl-C reaches a bound function instead of raising SIGINT. */
int cedit_setty(EditLine *el, const char *setting);

History *cedit_history_init(int size);
int cedit_history_enter(History *h, const char *line);
void cedit_history_end(History *h);

/* The libedit return codes for editor functions, as plain ints for Swift. */
int cedit_cc_refresh(void);
int cedit_cc_redisplay(void);
int cedit_cc_error(void);
int cedit_cc_newline(void);
#endif
