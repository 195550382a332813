process.env.PAYLOAD_SECRET ||= 'test-secret-not-for-production-use-0123456789'
process.env.NEXT_TELEMETRY_DISABLED = '1'
process.env.MEDIA_DIR ||= `/tmp/newsroom-test-media-${process.pid}`
