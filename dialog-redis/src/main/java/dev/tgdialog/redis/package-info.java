/** The dialog stack and per-user lock in Redis; filled by its own issue. */
package dev.tgdialog.redis;
