package com.muejam.cache.internal;

import java.lang.management.ManagementFactory;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** Registration of the JSR-107 MXBeans in the platform MBean server. */
final class MBeans {

    private MBeans() {
    }

    static ObjectName name(Cache<?, ?> cache, String type) {
        String manager = safe(cache.getCacheManager().getURI().toString());
        try {
            return new ObjectName("javax.cache:type=" + type + ",CacheManager=" + manager + ",Cache=" + safe(cache.getName()));
        } catch (MalformedObjectNameException e) {
            throw new CacheException("illegal MBean name for cache " + cache.getName(), e);
        }
    }

    private static String safe(String s) {
        return s == null ? "" : s.replaceAll(",|:|=|\n", ".");
    }

    static void register(Cache<?, ?> cache, String type, Object bean) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = name(cache, type);
        try {
            if (!server.isRegistered(name)) {
                server.registerMBean(bean, name);
            }
        } catch (Exception e) {
            throw new CacheException("cannot register " + name, e);
        }
    }

    static void unregister(Cache<?, ?> cache, String type) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = name(cache, type);
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (Exception e) {
            throw new CacheException("cannot unregister " + name, e);
        }
    }
}
