"""Words the synthetic knowledge bases are made of: skills, names, prose.

Fixed lists, so a seed alone decides a generated site.
"""

from __future__ import annotations

# The skills catalogue: (category, [(name, level, years, note, aliases), ...]).
# Some skills sit in two categories, as FreeBSD does on the real skills page.
CATALOGUE: list[tuple[str, list[tuple[str, str | None, int | None, str | None, tuple[str, ...]]]]] = [
    ("Languages", [
        ("C", "expert", 12, "Unix and embedded", ()),
        ("C++", "expert", 8, "OOP/STL", ("c++", "cpp")),
        ("UNIX shell", "expert", 12, "sh/zsh", ("shell", "sh")),
        ("Python", "highly skilled", 7, None, ("python",)),
        ("Perl", "highly skilled", None, None, ("perl",)),
        ("PHP", None, None, None, ()),
        ("SQL", "highly skilled", 9, None, ()),
        ("Go", None, None, None, ("golang",)),
        ("Rust", None, None, None, ()),
        ("Java", None, 3, None, ()),
        ("JavaScript", None, None, None, ("js",)),
        ("TypeScript", None, None, None, ()),
        ("Ruby", None, None, None, ()),
        ("Erlang", None, None, None, ()),
        ("OCaml", None, None, None, ()),
        ("Haskell", None, None, None, ()),
        ("LISP/Scheme", None, None, None, ("Lisp", "Scheme")),
        ("Tcl/Tk", None, None, None, ()),
        ("80x86 assembly", "highly skilled", None, "MS-DOS", ("x86 assembly",)),
        ("ARM assembly", None, None, None, ()),
        ("Lua", None, None, None, ()),
        ("Awk", None, None, None, ()),
        ("Fortran", None, None, None, ()),
        ("HTML", None, None, None, ()),
    ]),
    ("Development tools", [
        ("make", "expert", None, "Berkeley and GNU", ()),
        ("lex/flex", "expert", None, None, ()),
        ("yacc/bison", "expert", None, None, ()),
        ("GDB", "highly skilled", None, None, ("gdb",)),
        ("Valgrind", None, None, None, ()),
        ("DTrace", None, None, None, ()),
        ("gprof", None, None, None, ()),
        ("perf", None, None, None, ()),
        ("CVS", "highly skilled", None, None, ()),
        ("Subversion", None, None, None, ("svn",)),
        ("Git", None, None, None, ("git",)),
        ("Perforce", None, None, None, ()),
        ("Mercurial", None, None, None, ("hg",)),
        ("CMake", None, None, None, ()),
        ("Bazel", None, None, None, ()),
        ("Jenkins", None, None, None, ()),
        ("Coverity", None, None, None, ()),
        ("ctags", None, None, None, ()),
    ]),
    ("Development environments", [
        ("FreeBSD", "expert", 15, None, ()),
        ("Linux", "highly skilled", 10, None, ("GNU/Linux",)),
        ("OS X", "highly skilled", None, None, ("Mac OS X",)),
        ("NetBSD", None, None, None, ()),
        ("OpenBSD", None, None, None, ()),
        ("Sun Solaris", None, None, "sparc/x86", ("Solaris",)),
        ("SGI IRIX", None, None, "6.x", ("IRIX",)),
        ("Windows NT", None, None, None, ()),
        ("QNX", None, None, None, ()),
        ("VxWorks", None, None, None, ()),
    ]),
    ("System administration", [
        ("FreeBSD", "expert", 15, None, ()),
        ("Linux", None, None, None, ()),
        ("Sun Solaris", None, None, "sparc/x86", ()),
        ("Debian", None, None, None, ()),
        ("Red Hat Linux", None, None, None, ("Redhat Linux",)),
        ("Puppet", None, None, None, ()),
        ("Ansible", None, None, None, ()),
        ("Nagios", None, None, None, ()),
        ("ZFS", None, None, None, ()),
        ("LDAP", None, None, None, ()),
        ("Kerberos", None, None, None, ()),
        ("Postfix", None, None, None, ()),
    ]),
    ("Protocols and drivers", [
        ("TCP/IP", "expert", None, None, ()),
        ("UDP", "expert", None, None, ()),
        ("NFS", "expert", None, None, ()),
        ("RPC", "expert", None, None, ("Sun RPC",)),
        ("HTTP", None, None, None, ()),
        ("TLS", None, None, None, ("SSL",)),
        ("DNS", None, None, None, ()),
        ("SMTP", None, None, None, ()),
        ("NNTP", None, None, None, ()),
        ("BGP", None, None, None, ()),
        ("IPv6", None, None, None, ()),
        ("iSCSI", None, None, None, ()),
        ("Ethernet drivers", None, None, None, ()),
        ("Disk I/O subsystems", None, None, "SCSI/FC", ()),
        ("USB", None, None, None, ()),
        ("PCI Express", None, None, None, ("PCIe",)),
    ]),
    ("Technologies", [
        ("FreeBSD kernel", None, None, None, ()),
        ("SMP", None, None, None, ("multiprocessing",)),
        ("Filesystems", None, None, None, ("VFS",)),
        ("Device drivers", None, None, None, ()),
        ("POSIX threads", None, None, None, ("pthreads",)),
        ("Virtual memory", None, None, None, ()),
        ("Schedulers", None, None, None, ()),
        ("Lock-free data structures", None, None, None, ()),
        ("Distributed systems", None, None, None, ()),
        ("Load balancing", None, None, None, ()),
        ("Caching", None, None, None, ()),
        ("MySQL", None, None, None, ("mysql",)),
        ("PostgreSQL", None, None, None, ("postgres",)),
        ("SQLite", None, None, None, ()),
        ("Redis", None, None, None, ()),
        ("memcached", None, None, None, ()),
        ("Apache", None, None, None, ("httpd",)),
        ("nginx", None, None, None, ()),
        ("Varnish", None, None, None, ()),
        ("Kafka", None, None, None, ()),
        ("Hadoop", None, None, None, ()),
        ("OpenStack", None, None, None, ()),
        ("Kubernetes", None, None, None, ("k8s",)),
        ("Docker", None, None, None, ()),
        ("Xen", None, None, None, ()),
        ("bhyve", None, None, None, ()),
        ("Jails", None, None, None, ()),
        ("Packet filtering", None, None, None, ("pf", "ipfw")),
        ("Network stacks", None, None, None, ()),
        ("Storage", None, None, None, ()),
        ("Search engines", None, None, None, ()),
        ("Compilers", None, None, None, ()),
        ("Embedded systems", None, None, None, ()),
        ("Real-time systems", None, None, None, ()),
        ("Cryptography", None, None, None, ()),
        ("Monitoring", None, None, None, ()),
    ]),
]

NAME_HEADS = (
    "North", "Blue", "Iron", "Silver", "Red", "Granite", "Cedar", "Harbor", "Summit",
    "Delta", "Pioneer", "Beacon", "Quartz", "Orbit", "Falcon", "Maple", "Signal",
    "Copper", "Atlas", "Vector", "Lumen", "Cobalt", "Prairie", "Tidal", "Polar",
)
NAME_TAILS = (
    "wind", "stone", "field", "bridge", "gate", "point", "line", "works", "forge",
    "light", "path", "peak", "wave", "ridge", "brook",
)
NAME_KINDS = (
    "Systems", "Networks", "Labs", "Software", "Technologies", "Data", "Computing",
    "Storage", "Media", "Research",
)
CITIES = (
    "Sunnyvale, CA", "San Francisco, CA", "New York, NY", "Boston, MA", "Seattle, WA",
    "Austin, TX", "Utica, NY", "Cupertino, CA", "Chicago, IL", "Portland, OR",
    "Remote",
)
TITLES = (
    "Software Engineer", "Senior Software Engineer", "Kernel Programmer",
    "Systems Administrator", "Staff Engineer", "Principal Engineer", "Architect",
    "Technical Lead", "Engineering Manager", "Director of Engineering", "CTO",
    "Consultant", "Research Engineer", "Site Reliability Engineer",
)
# Long-running roles held beside the jobs, like a FreeBSD commit bit.
CONCURRENT_ROLES = (
    ("The FreeBSD Project", "FreeBSD", "FreeBSD committer"),
    ("The Apache Software Foundation", "ASF", "Apache committer"),
    ("The NetBSD Foundation", "NetBSD", "NetBSD developer"),
    ("The PostgreSQL Global Development Group", "PostgreSQL", "PostgreSQL contributor"),
)

PROJECT_QUALITIES = (
    "Lock-free", "Non-blocking", "Distributed", "Incremental", "Zero-copy",
    "Multi-threaded", "Fault-tolerant", "Sharded", "Asynchronous", "Lazy",
    "Cache-friendly", "Portable", "Self-healing", "Adaptive", "Streaming",
)
PROJECT_SUBJECTS = (
    "mbuf allocator", "session server", "build farm", "packet path", "NFS client",
    "name cache", "job scheduler", "log pipeline", "image store", "search index",
    "config system", "backup service", "metrics collector", "RPC layer",
    "page cache", "disk scheduler", "release tooling", "auth gateway",
    "queue broker", "DNS resolver", "crash reporter", "test harness",
)
PROJECT_SETTINGS = (
    "for the storage stack", "for the web tier", "across data centres",
    "on eight cores", "for mobile users", "in the kernel", "for the ad servers",
    "behind the load balancers", "for the routers", "for the billing system",
)

WORDS = (
    "the", "a", "system", "kernel", "service", "request", "latency", "throughput",
    "lock", "thread", "queue", "client", "server", "cache", "disk", "network",
    "team", "release", "customer", "design", "test", "bug", "patch", "review",
    "memory", "buffer", "socket", "file", "process", "schedule", "load", "peak",
    "traffic", "cluster", "node", "replica", "index", "query", "table", "schema",
    "build", "deploy", "monitor", "alert", "page", "user", "session", "token",
    "measured", "reduced", "doubled", "rewrote", "replaced", "ported", "profiled",
    "shipped", "fixed", "removed", "added", "split", "merged", "moved", "kept",
    "with", "without", "under", "over", "across", "between", "into", "from",
    "and", "but", "so", "then", "while", "when", "because", "after", "before",
    "every", "each", "one", "two", "three", "many", "few", "most", "all",
    "fast", "slow", "small", "large", "stable", "safe", "simple", "whole",
)
