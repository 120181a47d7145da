package org.dvmc.spi;

import java.util.List;
import java.util.Objects;

/**
 * The transaction and block data of an execution (the C description's {@code dvmc_tx_context}),
 * returned by {@link Host#getTxContext()}.
 *
 * <p>Immutable and thread-safe. Make one with {@link #builder()}; {@link #EMPTY} has every field zero.
 *
 * @param gasPrice    the transaction gas price, in wei, a 256-bit big-endian number
 * @param origin      the transaction origin account
 * @param coinbase    the miner (beneficiary) of the block
 * @param blockNumber the block number, 0 or more
 * @param timestamp   the block timestamp, in seconds since the Unix epoch, 0 or more
 * @param gasLimit    the block gas limit, in gas units, 0 or more
 * @param prevRandao  the block's previous RANDAO (formerly difficulty)
 * @param chainId     the chain ID (EIP-155), a 256-bit big-endian number
 * @param baseFee     the block base fee per gas (EIP-1559, EIP-3198), in wei
 * @param blobBaseFee the blob base fee (EIP-7516), in wei
 * @param blobHashes  the transaction's blob versioned hashes (EIP-4844); an immutable list
 * @param initcodes   the transaction's init codes (EOF creation); an immutable list
 */
public record TxContext(
        Bytes32 gasPrice,
        Address origin,
        Address coinbase,
        long blockNumber,
        long timestamp,
        long gasLimit,
        Bytes32 prevRandao,
        Bytes32 chainId,
        Bytes32 baseFee,
        Bytes32 blobBaseFee,
        List<Bytes32> blobHashes,
        List<TxInitcode> initcodes) {

    /** Every field zero or empty. */
    public static final TxContext EMPTY = builder().build();

    /**
     * Checks and freezes the fields.
     *
     * @param gasPrice the gas price
     * @param origin the transaction origin
     * @param coinbase the block beneficiary
     * @param blockNumber the block number, 0 or more
     * @param timestamp the block timestamp in seconds, 0 or more
     * @param gasLimit the block gas limit, 0 or more
     * @param prevRandao the previous RANDAO
     * @param chainId the chain ID
     * @param baseFee the base fee
     * @param blobBaseFee the blob base fee
     * @param blobHashes the blob hashes
     * @param initcodes the init codes
     * @throws NullPointerException     if a field or list element is null
     * @throws IllegalArgumentException if block number, timestamp or gas limit is negative
     */
    public TxContext {
        Objects.requireNonNull(gasPrice, "gasPrice");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(coinbase, "coinbase");
        Objects.requireNonNull(prevRandao, "prevRandao");
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(baseFee, "baseFee");
        Objects.requireNonNull(blobBaseFee, "blobBaseFee");
        blobHashes = List.copyOf(Objects.requireNonNull(blobHashes, "blobHashes"));
        initcodes = List.copyOf(Objects.requireNonNull(initcodes, "initcodes"));
        requireNonNegative("blockNumber", blockNumber);
        requireNonNegative("timestamp", timestamp);
        requireNonNegative("gasLimit", gasLimit);
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("tx context " + name + " must be 0 or more but was " + value);
        }
    }

    /** {@return a builder with every field zero or empty} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding every field of this context} */
    public Builder toBuilder() {
        return new Builder()
                .gasPrice(gasPrice).origin(origin).coinbase(coinbase)
                .blockNumber(blockNumber).timestamp(timestamp).gasLimit(gasLimit)
                .prevRandao(prevRandao).chainId(chainId).baseFee(baseFee).blobBaseFee(blobBaseFee)
                .blobHashes(blobHashes).initcodes(initcodes);
    }

    /** Builds a {@link TxContext}; not thread-safe. */
    public static final class Builder {
        private Bytes32 gasPrice = Bytes32.ZERO;
        private Address origin = Address.ZERO;
        private Address coinbase = Address.ZERO;
        private long blockNumber;
        private long timestamp;
        private long gasLimit;
        private Bytes32 prevRandao = Bytes32.ZERO;
        private Bytes32 chainId = Bytes32.ZERO;
        private Bytes32 baseFee = Bytes32.ZERO;
        private Bytes32 blobBaseFee = Bytes32.ZERO;
        private List<Bytes32> blobHashes = List.of();
        private List<TxInitcode> initcodes = List.of();

        private Builder() {
        }

        /**
         * Sets the gas price.
         *
         * @param gasPrice the gas price
         * @return this builder
         */
        public Builder gasPrice(Bytes32 gasPrice) {
            this.gasPrice = gasPrice;
            return this;
        }

        /**
         * Sets the origin.
         *
         * @param origin the origin
         * @return this builder
         */
        public Builder origin(Address origin) {
            this.origin = origin;
            return this;
        }

        /**
         * Sets the coinbase.
         *
         * @param coinbase the coinbase
         * @return this builder
         */
        public Builder coinbase(Address coinbase) {
            this.coinbase = coinbase;
            return this;
        }

        /**
         * Sets the block number, 0 or more.
         *
         * @param blockNumber the block number, 0 or more
         * @return this builder
         */
        public Builder blockNumber(long blockNumber) {
            this.blockNumber = blockNumber;
            return this;
        }

        /**
         * Sets the timestamp in seconds, 0 or more.
         *
         * @param timestamp the timestamp in seconds, 0 or more
         * @return this builder
         */
        public Builder timestamp(long timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /**
         * Sets the block gas limit, 0 or more.
         *
         * @param gasLimit the block gas limit, 0 or more
         * @return this builder
         */
        public Builder gasLimit(long gasLimit) {
            this.gasLimit = gasLimit;
            return this;
        }

        /**
         * Sets the previous RANDAO.
         *
         * @param prevRandao the previous RANDAO
         * @return this builder
         */
        public Builder prevRandao(Bytes32 prevRandao) {
            this.prevRandao = prevRandao;
            return this;
        }

        /**
         * Sets the chain ID.
         *
         * @param chainId the chain ID
         * @return this builder
         */
        public Builder chainId(Bytes32 chainId) {
            this.chainId = chainId;
            return this;
        }

        /**
         * Sets the base fee.
         *
         * @param baseFee the base fee
         * @return this builder
         */
        public Builder baseFee(Bytes32 baseFee) {
            this.baseFee = baseFee;
            return this;
        }

        /**
         * Sets the blob base fee.
         *
         * @param blobBaseFee the blob base fee
         * @return this builder
         */
        public Builder blobBaseFee(Bytes32 blobBaseFee) {
            this.blobBaseFee = blobBaseFee;
            return this;
        }

        /**
         * Sets the blob hashes.
         *
         * @param blobHashes the blob hashes
         * @return this builder
         */
        public Builder blobHashes(List<Bytes32> blobHashes) {
            this.blobHashes = blobHashes;
            return this;
        }

        /**
         * Sets the init codes.
         *
         * @param initcodes the init codes
         * @return this builder
         */
        public Builder initcodes(List<TxInitcode> initcodes) {
            this.initcodes = initcodes;
            return this;
        }

        /**
         * Builds the context.
         *
         * @return the context
         * @throws NullPointerException     if a field was set to null
         * @throws IllegalArgumentException if a number that must be 0 or more is negative
         */
        public TxContext build() {
            return new TxContext(gasPrice, origin, coinbase, blockNumber, timestamp, gasLimit, prevRandao, chainId,
                    baseFee, blobBaseFee, blobHashes, initcodes);
        }
    }
}
