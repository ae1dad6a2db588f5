/**
 * The dialog stack and the per-user lock in Redis, for bots that run as several processes or must survive a
 * restart: {@link dev.tgdialog.redis.RedisStackStore} keeps each stack as one JSON document written by
 * compare-and-set, {@link dev.tgdialog.redis.RedisUpdateIsolation} runs one update of a user at a time across all
 * instances. {@link dev.tgdialog.redis.RedisDialogs} builds the two as a pair that costs two round trips per
 * update instead of four (the lock script also reads the stack), and on a standalone Redis
 * ({@link redis.clients.jedis.JedisPooled}) sends the commands of all updates in flight through one pipelined
 * connection. All work on any Jedis {@link redis.clients.jedis.UnifiedJedis} (standalone, Sentinel, Cluster; the
 * last two one blocking command per round trip).
 */
@NullMarked
package dev.tgdialog.redis;

import org.jspecify.annotations.NullMarked;
