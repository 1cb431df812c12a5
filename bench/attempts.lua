-- wrk script: POST exercise attempts, cycling through answers and seeds (variants).
local answers = {"(A + A')*x", "2*A*x", "x'*(A + A')", "A*x + A'*x", "(A + A')*x + x"}
local i = 0
-- 64 clients, as a class behind the reverse proxy on this machine (which the tutor trusts) would be:
-- the tutor shares its engine out per client
local client = function() return "10.0." .. (i % 64) .. ".1" end
request = function()
  i = i + 1
  local body = string.format('{"answer":"%s","seed":%d}', answers[(i % #answers) + 1], i % 16)
  return wrk.format("POST", "/api/exercises/quadratic-form/attempts", {["Content-Type"] = "application/json", ["X-Forwarded-For"] = client()}, body)
end
