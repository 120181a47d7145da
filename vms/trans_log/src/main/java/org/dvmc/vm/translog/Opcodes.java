package org.dvmc.vm.translog;

/** The opcode numbers trans_log executes (the EVM encoding); every other byte is an undefined instruction. */
final class Opcodes {

    static final int STOP = 0x00;
    static final int ADD = 0x01;
    static final int ADDRESS = 0x30;
    static final int CALLDATALOAD = 0x35;
    static final int NUMBER = 0x43;
    static final int MSTORE = 0x52;
    static final int SLOAD = 0x54;
    static final int SSTORE = 0x55;
    static final int MSIZE = 0x59;
    static final int PUSH1 = 0x60;
    static final int PUSH32 = 0x7f;
    static final int DUP1 = 0x80;
    static final int CALL = 0xf1;
    static final int RETURN = 0xf3;
    static final int REVERT = 0xfd;

    private Opcodes() {
    }

    /** True for the bytes trans_log defines (REVERT counts, although it is undefined before Byzantium). */
    static boolean isDefined(int opcode) {
        return switch (opcode) {
            case STOP, ADD, ADDRESS, CALLDATALOAD, NUMBER, MSTORE, SLOAD, SSTORE, MSIZE, DUP1, CALL, RETURN, REVERT -> true;
            default -> opcode >= PUSH1 && opcode <= PUSH32;
        };
    }
}
