# shellcheck shell=bash
# Generates the cluster's PKI with openssl into $STATE_DIR/pki (once per state dir).
# Sourced by kjd-cluster.

gen_cert() { # name CN O san(ext value or "") usage(client|server|both)
  local name="$1" cn="$2" org="$3" san="$4" usage="$5" d="$STATE_DIR/pki" subj ext
  [[ -s "$d/$name.crt" && -s "$d/$name.key" ]] && return 0
  subj="/CN=${cn}"; [[ -n "$org" ]] && subj="/O=${org}/CN=${cn}"
  case "$usage" in
    client) ext="extendedKeyUsage=clientAuth" ;;
    server) ext="extendedKeyUsage=serverAuth" ;;
    both) ext="extendedKeyUsage=serverAuth,clientAuth" ;;
  esac
  {
    echo "basicConstraints=CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "$ext"
    [[ -n "$san" ]] && echo "subjectAltName=$san"
  } > "$d/$name.ext"
  openssl genrsa -out "$d/$name.key" 2048 2> /dev/null
  openssl req -new -key "$d/$name.key" -subj "$subj" -out "$d/$name.csr" 2> /dev/null
  openssl x509 -req -in "$d/$name.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial \
    -days 3650 -sha256 -extfile "$d/$name.ext" -out "$d/$name.crt" 2> /dev/null
  rm -f "$d/$name.csr" "$d/$name.ext"
}

ensure_pki() {
  local d="$STATE_DIR/pki"
  mkdir -p "$d"; chmod 700 "$d"
  if [[ ! -s "$d/ca.crt" ]]; then
    log "generating CA and certificates in $d"
    openssl genrsa -out "$d/ca.key" 2048 2> /dev/null
    openssl req -x509 -new -key "$d/ca.key" -subj "/CN=kjd-cluster-ca" -days 3650 -sha256 \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" \
      -out "$d/ca.crt" 2> /dev/null
  fi
  gen_cert apiserver kube-apiserver "" \
    "IP:127.0.0.1,IP:${SERVICE_IP},DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local" server
  gen_cert apiserver-kubelet-client kube-apiserver-kubelet-client system:masters "" client
  gen_cert admin kjd-admin system:masters "" client
  gen_cert kubelet "system:node:${NODE_NAME}" system:nodes "" client
  gen_cert kubelet-serving "${NODE_NAME}" "" "IP:127.0.0.1,DNS:localhost" server
  gen_cert controller-manager system:kube-controller-manager "" "" client
  gen_cert scheduler system:kube-scheduler "" "" client
  if [[ ! -s "$d/sa.key" ]]; then
    openssl genrsa -out "$d/sa.key" 2048 2> /dev/null
    openssl rsa -in "$d/sa.key" -pubout -out "$d/sa.pub" 2> /dev/null
  fi
  if [[ ! -s "$d/tokens.csv" ]]; then
    local tok; tok="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    echo "${tok},kjd-admin,kjd-admin,system:masters" > "$d/tokens.csv"
    chmod 600 "$d/tokens.csv"
  fi
}

# write_kubeconfig FILE USER (cert|token) [name for cert | token]
write_kubeconfig() {
  local file="$1" user="$2" kind="$3" arg="$4" ns="${5:-default}" d="$STATE_DIR/pki" auth
  if [[ "$kind" == cert ]]; then
    auth="    client-certificate-data: $(base64 -w0 < "$d/$arg.crt")
    client-key-data: $(base64 -w0 < "$d/$arg.key")"
  else
    auth="    token: ${arg}"
  fi
  (umask 077; : > "$file.tmp")
  cat > "$file.tmp" <<KCFG
apiVersion: v1
kind: Config
clusters:
- name: kjd
  cluster:
    server: https://127.0.0.1:${API_PORT}
    certificate-authority-data: $(base64 -w0 < "$d/ca.crt")
users:
- name: ${user}
  user:
${auth}
contexts:
- name: ${user}@kjd
  context:
    cluster: kjd
    user: ${user}
    namespace: ${ns}
current-context: ${user}@kjd
KCFG
  mv "$file.tmp" "$file"
}
