package org.dvmc.spi;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A message: a call or a contract creation, including the zero-depth call of a transaction (the C
 * description's {@code dvmc_message}).
 *
 * <p>Immutable and thread-safe. Make one in one line with {@link #builder()}, e.g.
 * {@code Message.builder().recipient(to).sender(from).gas(100_000).input(data).build()}; change one
 * field of an existing message with {@link #toBuilder()}.
 *
 * @param kind        the kind of call or creation
 * @param flags       the flags; an immutable set, possibly empty
 * @param depth       the call depth: 0 for the transaction's own call, one more for each nested call;
 *                    0 or more
 * @param gas         the gas available to the execution, in gas units; 0 or more
 * @param recipient   the account whose storage and balance the execution acts on: the called account,
 *                    or for creations the address of the new contract
 * @param sender      the caller
 * @param input       the call data; empty for creations, whose init code is the executed code
 * @param value       the amount of wei transferred, a 256-bit big-endian number
 * @param create2Salt the salt of CREATE2; zero for other kinds
 * @param codeAddress the account whose code is executed; differs from {@code recipient} for
 *                    DELEGATECALL and CALLCODE
 * @param code        extra code carried by the message (the init code of EOFCREATE); usually empty
 */
public record Message(
        CallKind kind,
        Set<MessageFlag> flags,
        int depth,
        long gas,
        Address recipient,
        Address sender,
        Bytes input,
        Bytes32 value,
        Bytes32 create2Salt,
        Address codeAddress,
        Bytes code) {

    /**
     * Checks and freezes the fields.
     *
     * @param kind the kind of call or creation
     * @param flags the flags
     * @param depth the call depth, 0 or more
     * @param gas the gas, 0 or more
     * @param recipient the recipient
     * @param sender the sender
     * @param input the call data
     * @param value the value transferred
     * @param create2Salt the CREATE2 salt
     * @param codeAddress the account whose code is executed
     * @param code the code carried by the message
     * @throws NullPointerException     if any field is null
     * @throws IllegalArgumentException if {@code depth} or {@code gas} is negative
     */
    public Message {
        Objects.requireNonNull(kind, "kind");
        flags = Set.copyOf(Objects.requireNonNull(flags, "flags"));
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(create2Salt, "create2Salt");
        Objects.requireNonNull(codeAddress, "codeAddress");
        Objects.requireNonNull(code, "code");
        if (depth < 0) {
            throw new IllegalArgumentException("message depth must be 0 or more but was " + depth);
        }
        if (gas < 0) {
            throw new IllegalArgumentException("message gas must be 0 or more but was " + gas);
        }
    }

    /** {@return true when the {@link MessageFlag#STATIC} flag is set} */
    public boolean isStatic() {
        return flags.contains(MessageFlag.STATIC);
    }

    /**
     * A builder starting from a CALL at depth 0 with 0 gas, no flags, zero addresses, empty input and
     * code, and zero value and salt.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding every field of this message} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link Message}; not thread-safe, meant for one line or one method. */
    public static final class Builder {
        private CallKind kind = CallKind.CALL;
        private final EnumSet<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
        private int depth;
        private long gas;
        private Address recipient = Address.ZERO;
        private Address sender = Address.ZERO;
        private Bytes input = Bytes.EMPTY;
        private Bytes32 value = Bytes32.ZERO;
        private Bytes32 create2Salt = Bytes32.ZERO;
        private Address codeAddress = Address.ZERO;
        private Bytes code = Bytes.EMPTY;

        private Builder() {
        }

        private Builder(Message message) {
            kind = message.kind;
            flags.addAll(message.flags);
            depth = message.depth;
            gas = message.gas;
            recipient = message.recipient;
            sender = message.sender;
            input = message.input;
            value = message.value;
            create2Salt = message.create2Salt;
            codeAddress = message.codeAddress;
            code = message.code;
        }

        /**
         * Sets the kind.
         *
         * @param kind the kind
         * @return this builder
         */
        public Builder kind(CallKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Replaces the flags with {@code flags}.
         *
         * @param flags the new flags, replacing all others
         * @return this builder
         */
        public Builder flags(Set<MessageFlag> flags) {
            this.flags.clear();
            this.flags.addAll(flags);
            return this;
        }

        /**
         * Adds {@code flag} to the flags.
         *
         * @param flag the flag to add
         * @return this builder
         */
        public Builder flag(MessageFlag flag) {
            this.flags.add(flag);
            return this;
        }

        /**
         * Sets the call depth, 0 or more.
         *
         * @param depth the call depth, 0 or more
         * @return this builder
         */
        public Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        /**
         * Sets the gas, 0 or more.
         *
         * @param gas the gas, 0 or more
         * @return this builder
         */
        public Builder gas(long gas) {
            this.gas = gas;
            return this;
        }

        /**
         * Sets the recipient.
         *
         * @param recipient the recipient
         * @return this builder
         */
        public Builder recipient(Address recipient) {
            this.recipient = recipient;
            return this;
        }

        /**
         * Sets the sender.
         *
         * @param sender the sender
         * @return this builder
         */
        public Builder sender(Address sender) {
            this.sender = sender;
            return this;
        }

        /**
         * Sets the input data.
         *
         * @param input the input data
         * @return this builder
         */
        public Builder input(Bytes input) {
            this.input = input;
            return this;
        }

        /**
         * Sets the value transferred.
         *
         * @param value the value transferred
         * @return this builder
         */
        public Builder value(Bytes32 value) {
            this.value = value;
            return this;
        }

        /**
         * Sets the CREATE2 salt.
         *
         * @param create2Salt the CREATE2 salt
         * @return this builder
         */
        public Builder create2Salt(Bytes32 create2Salt) {
            this.create2Salt = create2Salt;
            return this;
        }

        /**
         * Sets the address whose code is executed.
         *
         * @param codeAddress the address whose code is executed
         * @return this builder
         */
        public Builder codeAddress(Address codeAddress) {
            this.codeAddress = codeAddress;
            return this;
        }

        /**
         * Sets the code carried by the message.
         *
         * @param code the code carried by the message
         * @return this builder
         */
        public Builder code(Bytes code) {
            this.code = code;
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         * @throws NullPointerException     if a field was set to null
         * @throws IllegalArgumentException if depth or gas is negative
         */
        public Message build() {
            return new Message(kind, flags, depth, gas, recipient, sender, input, value, create2Salt, codeAddress,
                    code);
        }
    }
}
