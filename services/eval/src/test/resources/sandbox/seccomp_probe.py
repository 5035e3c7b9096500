# Calls each refused syscall through ctypes and prints "<name> <result> <errno>" per call.
# Arguments are chosen so that WITHOUT the filter most calls succeed or fail with another errno than EPERM
# (bad pointer, bad flag, bad descriptor): an EPERM then shows the filter answered, not a capability check.
import ctypes, os, platform
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
ARCH = {'x86_64': 'X86_64', 'aarch64': 'AARCH64'}[platform.machine()]
# Syscall numbers, transcribed from the kernel headers (asm/unistd_64.h, asm-generic/unistd.h) independently
# of the service's own table (SeccompFilterTest compares the two).
NUMBERS = {
    'X86_64': {
        'acct': 163, 'add_key': 248, 'bpf': 321, 'clone': 56, 'clone3': 435, 'delete_module': 176,
        'finit_module': 313, 'fsconfig': 431, 'fsmount': 432, 'fsopen': 430, 'fspick': 433, 'init_module': 175,
        'io_uring_enter': 426, 'io_uring_register': 427, 'io_uring_setup': 425, 'ioperm': 173, 'iopl': 172,
        'kexec_file_load': 320, 'kexec_load': 246, 'keyctl': 250, 'mount': 165, 'mount_setattr': 442,
        'move_mount': 429, 'open_by_handle_at': 304, 'open_tree': 428, 'perf_event_open': 298, 'personality': 135,
        'pivot_root': 155, 'process_vm_readv': 310, 'process_vm_writev': 311, 'ptrace': 101, 'reboot': 169,
        'request_key': 249, 'setns': 308, 'swapoff': 168, 'swapon': 167, 'syslog': 103, 'umount2': 166,
        'unshare': 272, 'userfaultfd': 323,
    },
    'AARCH64': {
        'acct': 89, 'add_key': 217, 'bpf': 280, 'clone': 220, 'clone3': 435, 'delete_module': 106,
        'finit_module': 273, 'fsconfig': 431, 'fsmount': 432, 'fsopen': 430, 'fspick': 433, 'init_module': 105,
        'io_uring_enter': 426, 'io_uring_register': 427, 'io_uring_setup': 425, 'kexec_file_load': 294,
        'kexec_load': 104, 'keyctl': 219, 'mount': 40, 'mount_setattr': 442, 'move_mount': 429,
        'open_by_handle_at': 265, 'open_tree': 428, 'perf_event_open': 241, 'personality': 92, 'pivot_root': 41,
        'process_vm_readv': 270, 'process_vm_writev': 271, 'ptrace': 117, 'reboot': 142, 'request_key': 218,
        'setns': 268, 'swapoff': 225, 'swapon': 224, 'syslog': 116, 'umount2': 39, 'unshare': 97,
        'userfaultfd': 282,
    },
}
NR = NUMBERS[ARCH]
BAD = ctypes.c_void_p(1)          # an address that is never mapped: EFAULT if the kernel reads it
CLONE_THREAD = 0x00010000         # without CLONE_SIGHAND: EINVAL, checked before any namespace is made
CALLS = {
    'ptrace': (0,),                                   # PTRACE_TRACEME: succeeds unfiltered
    'process_vm_readv': (os.getpid(), None, 0, None, 0, 0),   # 0 bytes: succeeds unfiltered
    'process_vm_writev': (os.getpid(), None, 0, None, 0, 0),
    'mount': (None, BAD, None, 0, None),              # EFAULT unfiltered
    'umount2': (BAD, 0x100),                          # bad flag: EINVAL unfiltered
    'pivot_root': (BAD, BAD),
    'open_tree': (-1, BAD, 0x7fffffff),               # bad flags: EINVAL
    'move_mount': (-1, BAD, -1, BAD, 0x7fffffff),     # bad flags: EINVAL
    'fsopen': (BAD, 0),
    'fsconfig': (-1, 0, None, None, 0),               # EBADF / EINVAL
    'fsmount': (-1, 0x7fffffff, 0),
    'fspick': (-1, BAD, 0x7fffffff),
    'mount_setattr': (-1, BAD, 0x7fffffff, None, 0),
    'unshare': (0x1,),                                # not a CLONE_* flag unshare knows: EINVAL
    'setns': (-1, 0),                                 # EBADF
    'keyctl': (9999,),                                # unknown operation: EOPNOTSUPP
    'add_key': (BAD, BAD, None, 0, 0),                # EFAULT
    'request_key': (BAD, BAD, None, 0),               # EFAULT
    'bpf': (9999, None, 0),                           # unknown command: EINVAL
    'perf_event_open': (BAD, 0, -1, -1, 0),           # EFAULT
    'userfaultfd': (1,),                              # UFFD_USER_MODE_ONLY: succeeds unfiltered
    'io_uring_setup': (1, BAD),                       # EFAULT
    'io_uring_enter': (-1, 0, 0, 0, None, 0),         # EBADF
    'io_uring_register': (-1, 0, None, 0),            # EBADF
    'kexec_load': (0, 0, None, 0),
    'kexec_file_load': (-1, -1, 0, None, 0),
    'init_module': (None, 0, None),
    'finit_module': (-1, None, 0),
    'delete_module': (BAD, 0),
    'personality': (0xffffffff,),                     # query: succeeds unfiltered
    'acct': (None,),
    'swapon': (BAD, 0),
    'swapoff': (BAD,),
    'reboot': (0, 0, 0, None),
    'syslog': (10,),                                  # SYSLOG_ACTION_SIZE_BUFFER
    'open_by_handle_at': (-1, BAD, 0),
    'iopl': (0,),                                     # lowering to 0: succeeds unfiltered
    'ioperm': (0, 0, 0),                              # turning nothing off: succeeds unfiltered
    'clone3': (None, 0),                              # size 0: EINVAL unfiltered; the filter says ENOSYS
}
def call(name, *args):
    ctypes.set_errno(0)
    result = libc.syscall(ctypes.c_long(NR[name]), *args)
    return result, ctypes.get_errno()
print('seccomp-mode', libc.prctl(21, 0, 0, 0, 0))
for name, args in CALLS.items():
    if name in NR:
        result, errno = call(name, *args)
        print('call', name, result, errno)
# clone with each namespace flag, made invalid with CLONE_THREAD so that unfiltered nothing is ever created
for flag, bit in [('NEWNS', 0x20000), ('NEWCGROUP', 0x2000000), ('NEWUTS', 0x4000000), ('NEWIPC', 0x8000000),
                  ('NEWUSER', 0x10000000), ('NEWPID', 0x20000000), ('NEWNET', 0x40000000)]:
    result, errno = call('clone', bit | CLONE_THREAD, None, None, None, None)
    print('call', 'clone_' + flag, result, errno)
