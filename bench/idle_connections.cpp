// Opens N TCP connections to HOST:PORT and holds them open, idle, until killed:
// the benchmark's "thousands of idle keep-alive clients" beside the busy ones.
//   idle_connections HOST PORT N
// Prints "ready N" once every connection is established (or how many failed).

#include <arpa/inet.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

int main(int argc, char *argv[])
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: idle_connections HOST PORT N\n");
        return 64;
    }
    const int count = std::atoi(argv[3]);
    rlimit limit {};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(std::atoi(argv[2])));
    if (inet_pton(AF_INET, argv[1], &address.sin_addr) != 1) {
        std::fprintf(stderr, "idle_connections: %s is not an IPv4 address\n", argv[1]);
        return 64;
    }
    std::vector<int> sockets;
    int failed = 0;
    for (int i = 0; i < count; ++i) {
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0 || connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0) {
            ++failed;
            if (fd >= 0)
                close(fd);
            continue;
        }
        sockets.push_back(fd);
    }
    std::printf("ready %zu (failed %d)\n", sockets.size(), failed);
    std::fflush(stdout);
    pause();
    return 0;
}
