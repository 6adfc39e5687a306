/* Close-on-exec across a real exec: the child says which it still has. */
#include <sys/wait.h>
#include "fid.h"

static void
spawn_check(int fd_with, int fd_without)
{
	char cmd[256];
	pid_t pid;
	int status;

	snprintf(cmd, sizeof cmd, "test -e /proc/self/fd/%d && echo with: open || echo "
	    "with: closed; test -e /proc/self/fd/%d && echo without: open || "
	    "echo without: closed", fd_with, fd_without);
	fflush(stdout);
	pid = fork();
	FID_CHECK(pid != -1);
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", cmd, (char *)0);
		_exit(127);
	}
	FID_CHECK(waitpid(pid, &status, 0) == pid);
}

int
main(void)
{
	int l = fid_listener(AF_INET), c1 = fid_client(l), c2 = fid_client(l);
	int a = accept4(l, NULL, NULL, SOCK_CLOEXEC);
	int b = accept4(l, NULL, NULL, 0);

	FID_CHECK(a != -1 && b != -1);
	spawn_check(a, b);
	close(c1);
	close(c2);
	return 0;
}
