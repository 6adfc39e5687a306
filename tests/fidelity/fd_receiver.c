/*
 * A display-server or message-bus style receiver: several descriptors in
 * several control messages, credentials beside them where the system has
 * SCM_CREDENTIALS, collected by a CMSG_FIRSTHDR/CMSG_NXTHDR loop from
 * recvmsg(..., MSG_CMSG_CLOEXEC); a truncated control buffer; and a child
 * started by exec, which must find none of them.  Built with the routing
 * forced on too (see programs): then recvmsg is the library's, which in
 * an --enable-emulation=always build is the emulation, compared here
 * with the kernel's own flag.
 */
#include <sys/wait.h>
#include "rights.h"

struct conn {
	int fd;
	int in[RIGHTS_MAX];	/* received descriptors, in order */
	int nin;
	int creds;
};

static int
conn_read(struct conn *cn, size_t ctlspace)
{
	union {
		struct cmsghdr align;
		unsigned char buf[CMSG_SPACE(sizeof(int) * RIGHTS_MAX) + 256];
	} ctl;
	struct msghdr msg;
	struct iovec iov;
	struct cmsghdr *c;
	char data[16];
	ssize_t n;

	memset(&msg, 0, sizeof msg);
	iov.iov_base = data;
	iov.iov_len = sizeof data;
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl.buf;
	msg.msg_controllen = ctlspace ? ctlspace : sizeof ctl.buf;
	do
		n = recvmsg(cn->fd, &msg, MSG_CMSG_CLOEXEC);
	while (n == -1 && errno == EINTR);
	if (n == -1)
		return -1;
	cn->nin = 0;
	cn->creds = 0;
	for (c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
		if (c->cmsg_level != SOL_SOCKET)
			continue;
		if (c->cmsg_type == SCM_RIGHTS) {
			size_t k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);

			memcpy(cn->in + cn->nin, CMSG_DATA(c), k * sizeof(int));
			cn->nin += (int)k;
		}
#ifdef SCM_CREDENTIALS
		if (c->cmsg_type == SCM_CREDENTIALS)
			cn->creds = 1;
#endif
	}
	printf("read %d bytes%s%s\n", (int)n,
	    (msg.msg_flags & MSG_CTRUNC) ? ", control truncated" : "",
	    cn->creds ? ", credentials" : "");
	return 0;
}

static void
exec_sees(const int *fds, int n)
{
	char cmd[512];
	size_t len = 0;
	pid_t pid;
	int i, status;

	len += (size_t)sprintf(cmd, "n=0;");
	for (i = 0; i < n && len < sizeof cmd - 64; i++)
		len += (size_t)sprintf(cmd + len,
		    " test -e /proc/self/fd/%d && n=$((n+1));", fds[i]);
	sprintf(cmd + len, " echo \"exec'd child sees $n\"");
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
	struct conn cn;
	int sv[2], i;

	FID_CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	cn.fd = sv[1];
#ifdef SO_PASSCRED
	{
		int on = 1;

		FID_CHECK(setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on,
		    sizeof on) == 0);
	}
#endif
	rights_send(sv[0], 0, 5, 2);
	FID_CHECK(conn_read(&cn, 0) == 0);
	rights_show("five in three messages", cn.in, cn.nin);
	exec_sees(cn.in, cn.nin);
	for (i = 0; i < cn.nin; i++)
		close(cn.in[i]);

	/* Room for two descriptors only, on a socket without credentials. */
	close(sv[0]);
	close(sv[1]);
	FID_CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	cn.fd = sv[1];
	rights_send(sv[0], 0, 6, 6);
	FID_CHECK(conn_read(&cn, CMSG_SPACE(2 * sizeof(int))) == 0);
	rights_show("six in a buffer for two", cn.in, cn.nin);
	exec_sees(cn.in, cn.nin);
	for (i = 0; i < cn.nin; i++)
		close(cn.in[i]);
	return 0;
}
