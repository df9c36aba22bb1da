/*
 * A small HTTP/1.1 server for proving the platform: answers / with its
 * version and /health with its version and pid, reads PORT, shares the port
 * with another copy (SO_REUSEPORT), and on SIGINT stops listening, finishes
 * the requests it has, closes kept-alive connections, and exits 0.
 *
 * Build switches (see build.sh): APP_VERSION, CRASH_ON_START (exits 3 at
 * once), IGNORE_SIGINT (never drains: systemd must kill it), START_DELAY_MS
 * (runs for that long before it binds the port, as a binary that loads its
 * data first does), DRAIN_DELAY_MS (once draining, holds each answer back
 * that long: a slow drain).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef APP_VERSION
#define APP_VERSION "0.0.0"
#endif

/* How long a draining process waits for its connections before giving up. */
#define DRAIN_SECONDS 80
/*
 * How long a connection may sit idle while draining before it is closed: longer
 * than nginx's upstream keepalive_timeout (4 s), so that nginx closes an idle
 * connection first and never sends a request on one this process is closing.
 * A connection in use gets its answer with Connection: close instead.
 */
#define IDLE_GRACE_MS 6000
#ifndef START_DELAY_MS
#define START_DELAY_MS 0
#endif
#ifndef DRAIN_DELAY_MS
#define DRAIN_DELAY_MS 0
#endif

static atomic_int draining = 0;
static atomic_int open_connections = 0;
static int wake_pipe[2];

static void on_sigint(int sig) {
    (void)sig;
    atomic_store(&draining, 1);
    ssize_t ignored = write(wake_pipe[1], "x", 1);
    (void)ignored;
}

static long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static int write_all(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

static void sleep_ms(long ms) {
    struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

static void respond(int fd, int status, const char *reason, const char *body, int keep_alive) {
    char head[256];
    if (DRAIN_DELAY_MS > 0 && atomic_load(&draining)) sleep_ms(DRAIN_DELAY_MS);
    int n = snprintf(head, sizeof head,
                     "HTTP/1.1 %d %s\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\nConnection: %s\r\n\r\n",
                     status, reason, strlen(body), keep_alive ? "keep-alive" : "close");
    if (write_all(fd, head, (size_t)n) == 0) write_all(fd, body, strlen(body));
}

/* Reads one request head into buf; returns its length, 0 on a clean close, -1 on error or drain. */
static int read_request(int fd, char *buf, size_t cap, size_t *have) {
    long idle_since = now_ms();
    for (;;) {
        buf[*have] = '\0';
        char *end = strstr(buf, "\r\n\r\n");
        if (end) return (int)(end - buf) + 4;
        if (*have >= cap - 1) return -1;
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, 100);
        if (r < 0 && errno != EINTR) return -1;
        if (r <= 0) {
            /* Idle between requests while draining: close, the client opens a new connection. */
            if (atomic_load(&draining) && *have == 0 && now_ms() - idle_since >= IDLE_GRACE_MS) return -1;
            continue;
        }
        ssize_t n = recv(fd, buf + *have, cap - 1 - *have, 0);
        if (n == 0) return 0;
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        *have += (size_t)n;
    }
}

static void *serve(void *arg) {
    int fd = (int)(long)arg;
    char buf[8192];
    size_t have = 0;
    for (;;) {
        int len = read_request(fd, buf, sizeof buf, &have);
        if (len <= 0) break;
        char method[8] = {0}, path[256] = {0};
        sscanf(buf, "%7s %255s", method, path);
        long content_length = 0;
        char *cl = strcasestr(buf, "\r\ncontent-length:");
        if (cl && cl < buf + len) content_length = strtol(cl + 17, NULL, 10);
        int keep_alive = strcasestr(buf, "\r\nconnection: close") == NULL || strcasestr(buf, "\r\nconnection: close") > buf + len;
        /* Discard a body, keeping whatever of the next request arrived with it. */
        size_t rest = have - (size_t)len;
        long skip = content_length < (long)rest ? content_length : (long)rest;
        memmove(buf, buf + len + skip, rest - (size_t)skip);
        have = rest - (size_t)skip;
        content_length -= skip;
        while (content_length > 0) {
            char sink[4096];
            ssize_t n = recv(fd, sink, content_length < (long)sizeof sink ? (size_t)content_length : sizeof sink, 0);
            if (n <= 0) goto done;
            content_length -= n;
        }
        /* A draining process answers what it has, then says it is closing. */
        if (atomic_load(&draining)) keep_alive = 0;
        char body[256];
        if (strcmp(path, "/health") == 0) {
            snprintf(body, sizeof body, "ok %s pid=%d\n", APP_VERSION, (int)getpid());
            respond(fd, 200, "OK", body, keep_alive);
        } else if (strncmp(path, "/slow", 5) == 0) {
            /* /slow?ms=N holds the request open, for drain tests. */
            char *q = strstr(path, "ms=");
            long ms = q ? strtol(q + 3, NULL, 10) : 1000;
            if (ms > 60000) ms = 60000;
            sleep_ms(ms);
            snprintf(body, sizeof body, "sample-app %s slow %ldms\n", APP_VERSION, ms);
            respond(fd, 200, "OK", body, keep_alive);
        } else if (strcmp(path, "/") == 0) {
            snprintf(body, sizeof body, "sample-app %s\n", APP_VERSION);
            respond(fd, 200, "OK", body, keep_alive);
        } else {
            respond(fd, 404, "Not Found", "not found\n", keep_alive);
        }
        if (!keep_alive) break;
    }
done:
    close(fd);
    atomic_fetch_sub(&open_connections, 1);
    return NULL;
}

static void start_connection(int fd) {
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 128 * 1024);
    atomic_fetch_add(&open_connections, 1);
    if (pthread_create(&t, &attr, serve, (void *)(long)fd) != 0) {
        atomic_fetch_sub(&open_connections, 1);
        close(fd);
    }
    pthread_attr_destroy(&attr);
}

int main(void) {
#ifdef CRASH_ON_START
    fprintf(stderr, "sample-app %s: built to crash at start\n", APP_VERSION);
    return 3;
#endif
    const char *port_env = getenv("PORT");
    int port = port_env && *port_env ? atoi(port_env) : 5000;
    if (port <= 0 || port > 65535) {
        fprintf(stderr, "PORT must be a port number, not '%s'\n", port_env);
        return 2;
    }
    if (pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return 1;
    struct sigaction sa = {0};
#ifdef IGNORE_SIGINT
    sa.sa_handler = SIG_IGN;
#else
    sa.sa_handler = on_sigint;
#endif
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    if (START_DELAY_MS > 0) {
        fprintf(stderr, "sample-app %s pid %d starting: %d ms before it listens\n", APP_VERSION, (int)getpid(), START_DELAY_MS);
        sleep_ms(START_DELAY_MS);
    }

    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (setsockopt(lfd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0) {
        perror("SO_REUSEPORT");
        return 1;
    }
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    const char *bind_env = getenv("BIND_ADDRESS");
    addr.sin_addr.s_addr = bind_env && *bind_env ? inet_addr(bind_env) : htonl(INADDR_ANY);
    if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(lfd, 1024) != 0) {
        perror("listen");
        return 1;
    }
    fprintf(stderr, "sample-app %s pid %d listening on port %d\n", APP_VERSION, (int)getpid(), port);

    struct pollfd fds[2] = {{.fd = lfd, .events = POLLIN}, {.fd = wake_pipe[0], .events = POLLIN}};
    while (!atomic_load(&draining)) {
        int r = poll(fds, 2, -1);
        if (r < 0 && errno != EINTR) break;
        if (fds[0].revents & POLLIN) {
            int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
            if (fd >= 0) start_connection(fd);
        }
    }

    /* Take what is already queued on our listener, then stop listening. */
    fcntl(lfd, F_SETFL, O_NONBLOCK);
    for (;;) {
        int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
        if (fd < 0) break;
        start_connection(fd);
    }
    close(lfd);
    fprintf(stderr, "sample-app %s pid %d draining %d connection(s)\n", APP_VERSION, (int)getpid(), atomic_load(&open_connections));

    long deadline = now_ms() + DRAIN_SECONDS * 1000L;
    while (atomic_load(&open_connections) > 0 && now_ms() < deadline) {
        struct timespec ts = {.tv_sec = 0, .tv_nsec = 20 * 1000000L};
        nanosleep(&ts, NULL);
    }
    fprintf(stderr, "sample-app %s pid %d stopped\n", APP_VERSION, (int)getpid());
    return 0;
}
