/*
 * Test-only PKCS#11 proxy in front of SoftHSM2, compiled per test run (gcc) into the temp dir.
 * SoftHSM never locks a PIN and cannot be unplugged; real tokens do both. The shim adds, from files in
 * $CLOCHER_P11_SHIM_STATE: a try counter (3 tries, then CKR_PIN_LOCKED, flags COUNT_LOW / FINAL_TRY / LOCKED)
 * and a "removed" file (CKR_DEVICE_REMOVED on sign, no token in the slot list), and "crash" (abort()).
 * Every C_Login that reaches the shim is counted in "logins" (tests assert no PIN is sent to a locked token).
 * Self-contained on purpose: no pkcs11.h needed. Indexes follow the PKCS#11 v2.40 CK_FUNCTION_LIST order.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef unsigned long CK_RV;
typedef unsigned long CK_ULONG;
typedef struct { unsigned char major, minor; void *f[68]; } FUNCS;
typedef CK_RV (*GetList)(FUNCS **);

enum { I_GETSLOTLIST = 4, I_GETTOKENINFO = 6, I_LOGIN = 18, I_SIGNINIT = 42, I_SIGN = 43, I_FINDINIT = 26 };
#define CKR_PIN_INCORRECT 0xA0UL
#define CKR_PIN_LOCKED 0xA4UL
#define CKR_DEVICE_REMOVED 0x32UL
#define CKR_TOKEN_NOT_PRESENT 0xE0UL
#define COUNT_LOW 0x10000UL
#define FINAL_TRY 0x20000UL
#define LOCKED 0x40000UL
#define MAX_TRIES 3

static FUNCS *target;
static FUNCS mine;

static const char *state(const char *name, char *buf) {
  const char *d = getenv("CLOCHER_P11_SHIM_STATE");
  snprintf(buf, 1024, "%s/%s", d ? d : "/nonexistent", name);
  return buf;
}
static int has(const char *name) { char b[1024]; return access(state(name, b), F_OK) == 0; }
static int fails(void) {
  char b[1024]; int n = 0; FILE *f = fopen(state("fails", b), "r");
  if (f) { if (fscanf(f, "%d", &n) != 1) n = 0; fclose(f); }
  return n;
}
static void set_fails(int n) { char b[1024]; FILE *f = fopen(state("fails", b), "w"); if (f) { fprintf(f, "%d", n); fclose(f); } }
static void touch(const char *name) { char b[1024]; FILE *f = fopen(state(name, b), "w"); if (f) fclose(f); }
static void check_crash(void) { if (has("crash")) abort(); }

static CK_RV slot_list(unsigned char present, CK_ULONG *list, CK_ULONG *count) {
  check_crash();
  if (present && has("removed")) { *count = 0; return 0; }
  return ((CK_RV (*)(unsigned char, CK_ULONG *, CK_ULONG *))target->f[I_GETSLOTLIST])(present, list, count);
}
static CK_RV token_info(CK_ULONG slot, unsigned char *info) {
  check_crash();
  if (has("removed")) return CKR_TOKEN_NOT_PRESENT;
  CK_RV rv = ((CK_RV (*)(CK_ULONG, unsigned char *))target->f[I_GETTOKENINFO])(slot, info);
  if (rv) return rv;
  CK_ULONG *flags = (CK_ULONG *)(info + 96); /* label 32, manufacturer 32, model 16, serial 16 */
  int n = fails();
  *flags &= ~(COUNT_LOW | FINAL_TRY | LOCKED);
  if (has("locked")) *flags |= LOCKED;
  else if (n == MAX_TRIES - 1) *flags |= FINAL_TRY | COUNT_LOW;
  else if (n > 0) *flags |= COUNT_LOW;
  return 0;
}
static void count_login(void) {
  char b[1024]; int n = 0; FILE *f = fopen(state("logins", b), "r");
  if (f) { if (fscanf(f, "%d", &n) != 1) n = 0; fclose(f); }
  f = fopen(b, "w"); if (f) { fprintf(f, "%d", n + 1); fclose(f); }
}
static CK_RV login(CK_ULONG session, CK_ULONG user, unsigned char *pin, CK_ULONG len) {
  count_login();
  check_crash();
  if (has("removed")) return CKR_DEVICE_REMOVED;
  if (has("locked")) return CKR_PIN_LOCKED;
  CK_RV rv = ((CK_RV (*)(CK_ULONG, CK_ULONG, unsigned char *, CK_ULONG))target->f[I_LOGIN])(session, user, pin, len);
  if (rv == CKR_PIN_INCORRECT) {
    int n = fails() + 1;
    set_fails(n);
    if (n >= MAX_TRIES) touch("locked");
  } else if (rv == 0) set_fails(0);
  return rv;
}
static CK_RV sign_init(CK_ULONG s, void *m, CK_ULONG k) {
  check_crash();
  if (has("removed")) return CKR_DEVICE_REMOVED;
  return ((CK_RV (*)(CK_ULONG, void *, CK_ULONG))target->f[I_SIGNINIT])(s, m, k);
}
static CK_RV sign(CK_ULONG s, void *d, CK_ULONG dl, void *o, CK_ULONG *ol) {
  check_crash();
  if (has("removed")) return CKR_DEVICE_REMOVED;
  return ((CK_RV (*)(CK_ULONG, void *, CK_ULONG, void *, CK_ULONG *))target->f[I_SIGN])(s, d, dl, o, ol);
}
static CK_RV find_init(CK_ULONG s, void *t, CK_ULONG n) {
  check_crash();
  if (has("removed")) return CKR_DEVICE_REMOVED;
  return ((CK_RV (*)(CK_ULONG, void *, CK_ULONG))target->f[I_FINDINIT])(s, t, n);
}

CK_RV C_GetFunctionList(FUNCS **out) {
  if (!target) {
    const char *path = getenv("CLOCHER_P11_SHIM_TARGET");
    void *h = dlopen(path ? path : "/usr/lib/softhsm/libsofthsm2.so", RTLD_NOW | RTLD_LOCAL);
    if (!h) return 5; /* CKR_GENERAL_ERROR */
    GetList g = (GetList)dlsym(h, "C_GetFunctionList");
    if (!g || g(&target)) return 5;
    memcpy(&mine, target, sizeof mine);
    mine.f[3] = (void *)C_GetFunctionList;
    mine.f[I_GETSLOTLIST] = (void *)slot_list;
    mine.f[I_GETTOKENINFO] = (void *)token_info;
    mine.f[I_LOGIN] = (void *)login;
    mine.f[I_SIGNINIT] = (void *)sign_init;
    mine.f[I_SIGN] = (void *)sign;
    mine.f[I_FINDINIT] = (void *)find_init;
  }
  *out = &mine;
  return 0;
}
