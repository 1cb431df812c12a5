-- wrk script: POST exercise attempts, cycling through answers and seeds (variants).
local answers = {"(A + A')*x", "2*A*x", "x'*(A + A')", "A*x + A'*x", "(A + A')*x + x"}
local i = 0
request = function()
  i = i + 1
  local body = string.format('{"answer":"%s","seed":%d}', answers[(i % #answers) + 1], i % 16)
  return wrk.format("POST", "/api/exercises/quadratic-form/attempts", {["Content-Type"] = "application/json"}, body)
end
