/* Test-only: holds the Wine desktop open for the whole test run. Started first, with its output
   going nowhere, so the desktop process (explorer.exe /desktop) that Wine starts for the first
   program that needs one does not inherit a later caller's output pipe and hang its reader.
   A hidden window and a message loop; ended with the test prefix (wineserver -k). Never ship it. */
#include <windows.h>
int WINAPI WinMain(HINSTANCE inst, HINSTANCE prev, LPSTR cmd, int show) {
    (void)prev; (void)cmd; (void)show;
    HWND w = CreateWindowExA(0, "STATIC", "frontera-desk-test-keepalive", 0, 0, 0, 1, 1,
                             NULL, NULL, inst, NULL);
    if (!w) return 1;
    MSG m;
    while (GetMessageA(&m, NULL, 0, 0) > 0) DispatchMessageA(&m);
    return 0;
}
