/* <unistd.h> and <fcntl.h> before <sys/socket.h>; flags checked by hand. */
#include <unistd.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <stdio.h>

int
main(void)
{
	int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);

	printf("nonblock=%d cloexec=%d\n", (fcntl(s, F_GETFL) & O_NONBLOCK) != 0,
	    (fcntl(s, F_GETFD) & FD_CLOEXEC) != 0);
	return 0;
}
