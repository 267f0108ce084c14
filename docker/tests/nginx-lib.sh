# Shared by nginx-test.sh and nginx-resolve-test.sh; sourced, not run.

# nginx_main_conf DIR: writes DIR/nginx.conf, the main file the official image gives
# /etc/nginx/conf.d/*.conf, for an nginx run by this user from DIR: pid, logs and temp paths
# below DIR, and DIR/conf.d/*.conf inside http {}.
nginx_main_conf() {
  local dir="$1" mime=""
  [[ -f /etc/nginx/mime.types ]] && mime="include /etc/nginx/mime.types;"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 256; }
http {
    $mime
    default_type application/octet-stream;
    client_body_temp_path $dir/client_body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    include $dir/conf.d/*.conf;
}
CONF
}
