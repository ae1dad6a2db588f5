package dev.tgdialog.redis;

/**
 * Every test of {@link TwoInstancesTest} (interleaved and concurrent clicks, redelivery, restart, Redis stopped
 * mid-run, TTL) with each instance's store and isolation built as a {@link RedisDialogs} pair.
 */
class TwoPairedInstancesTest extends TwoInstancesTest {
    @Override
    protected boolean paired() {
        return true;
    }
}
